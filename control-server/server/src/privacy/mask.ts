/** Phone numbers are shown as 138****5678: enough to recognise, not enough to call. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s/g, "");
  if (digits.length < 7) return "*".repeat(digits.length);
  return `${digits.slice(0, 3)}${"*".repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** ID numbers are shown as 430***********2428. */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length < 8) return "*".repeat(idNumber.length);
  return `${idNumber.slice(0, 3)}${"*".repeat(idNumber.length - 7)}${idNumber.slice(-4)}`;
}
