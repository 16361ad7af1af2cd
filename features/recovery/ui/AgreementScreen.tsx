/** Placeholder while the screen is built. */
export default function AgreementScreen() {
  return <p>Being built.</p>;
}
