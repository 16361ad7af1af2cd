/** Placeholder while the screen is built. */
export default function SafetyValveScreen() {
  return <p>Being built.</p>;
}
