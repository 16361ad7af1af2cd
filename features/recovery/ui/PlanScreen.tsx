/** Placeholder while the screen is built. */
export default function PlanScreen() {
  return <p>Being built.</p>;
}
