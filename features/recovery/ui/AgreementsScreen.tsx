/** Placeholder while the screen is built. */
export default function AgreementsScreen() {
  return <p>Being built.</p>;
}
