/** Placeholder while the screen is built. */
export default function ReturnsScreen() {
  return <p>Being built.</p>;
}
