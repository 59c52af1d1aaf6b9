/** The NIC services thap mocks, one HTTP port each. */
export const SERVICE_NAMES = ['ehospital', 'icmr', 'abdm', 'sms', 'payment'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export function isServiceName(value: string): value is ServiceName {
  return (SERVICE_NAMES as readonly string[]).includes(value);
}
