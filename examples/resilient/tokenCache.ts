/**
 * Tokens NIC issued at registration, by visit id, so the token slip can be printed while NIC is away: the
 * token is NIC's own, read back from the registration answer, not invented.
 */
export class TokenCache {
  private readonly byVisit = new Map<string, Record<string, unknown>>();

  /** Remembers the token of a registration NIC accepted (`nic` of a register answer). */
  rememberRegistration(nic: Record<string, unknown>): void {
    const visitId = nic.visitId;
    if ((typeof visitId === 'string' || typeof visitId === 'number') && nic.tokenNo !== undefined) {
      this.byVisit.set(String(visitId), { tokenNo: nic.tokenNo, ...(nic.appointmentNo !== undefined ? { appointmentNo: nic.appointmentNo } : {}) });
    }
  }

  tokenFor(visitId: unknown): Record<string, unknown> | undefined {
    return typeof visitId === 'string' ? this.byVisit.get(visitId) : undefined;
  }
}
