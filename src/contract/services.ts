/**
 * The NIC services thap mocks and a client system calls (docs/nic-mocks.md): e-Hospital/ORS, the ICMR sample
 * portal, the ABDM gateway, the SMS/OTP gateway and the payment gateway. Each has its own mock port, its own
 * Toxiproxy proxy and its own base-URL variable for the client. The one list; everything else derives from it.
 */
export const serviceNames = ['ehospital', 'icmr', 'abdm', 'sms', 'payment'] as const;
export type ServiceName = (typeof serviceNames)[number];

export function isServiceName(value: string): value is ServiceName {
  return (serviceNames as readonly string[]).includes(value);
}

/** The environment variable that gives a client a service's base URL, e.g. `THAP_NIC_EHOSPITAL_URL` (env.ts). */
export function nicUrlVar<Service extends ServiceName>(service: Service): `THAP_NIC_${Uppercase<Service>}_URL` {
  return `THAP_NIC_${service.toUpperCase() as Uppercase<Service>}_URL`;
}
