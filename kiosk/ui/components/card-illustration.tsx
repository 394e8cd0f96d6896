/** Where the card goes: the reader pad below the screen, with a card laid on it. */
export function CardIllustration() {
  return (
    <svg className="card-illustration" viewBox="0 0 320 220" width="320" height="220" aria-hidden="true">
      <rect x="20" y="130" width="280" height="70" rx="16" fill="#2b3a48" />
      <rect x="60" y="142" width="200" height="46" rx="10" fill="#4f6477" />
      <g className="card-float">
        <rect x="90" y="20" width="140" height="90" rx="10" fill="#e9f1f7" stroke="#0b5c8a" strokeWidth="4" />
        <rect x="104" y="36" width="34" height="42" rx="4" fill="#0b5c8a" />
        <rect x="148" y="40" width="66" height="8" rx="4" fill="#44505c" />
        <rect x="148" y="56" width="52" height="8" rx="4" fill="#44505c" />
        <rect x="104" y="88" width="110" height="8" rx="4" fill="#44505c" />
      </g>
      <path
        d="M160 114v14m-10-8 10 10 10-10"
        stroke="#0b5c8a"
        strokeWidth="5"
        fill="none"
        strokeLinecap="round"
      />
    </svg>
  );
}
