/** Placeholder while the screen is built. */
export default function CompareScreen() {
  return <p>Being built.</p>;
}
