/** ISO 7064 MOD 11-2 weights for the 17 leading digits of a Chinese citizen ID number. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = "10X98765432";

/** The check character (0-9 or X) for the first 17 digits of an ID number. */
export function idNumberCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError("an ID number check digit needs exactly 17 digits");
  let sum = 0;
  for (let index = 0; index < 17; index++) sum += Number(first17[index]) * WEIGHTS[index]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

/** True when the string is 17 digits followed by the right ISO 7064 MOD 11-2 check character. */
export function isValidIdNumber(idNumber: string): boolean {
  if (!/^\d{17}[\dX]$/i.test(idNumber)) return false;
  return idNumberCheckCharacter(idNumber.slice(0, 17)) === idNumber[17]!.toUpperCase();
}

/** Masks an ID or card number for logs and screens: 430***********1234. */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 7) return "*".repeat(idNumber.length);
  return `${idNumber.slice(0, 3)}${"*".repeat(idNumber.length - 7)}${idNumber.slice(-4)}`;
}
