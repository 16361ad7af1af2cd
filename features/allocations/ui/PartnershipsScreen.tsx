/** Placeholder while the screen is built. */
export default function PartnershipsScreen() {
  return <p>Being built.</p>;
}
