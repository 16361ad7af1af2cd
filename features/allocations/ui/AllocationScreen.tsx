/** Placeholder while the screen is built. */
export default function AllocationScreen() {
  return <p>Being built.</p>;
}
