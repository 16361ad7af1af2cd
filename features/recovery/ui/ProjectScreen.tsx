/** Placeholder while the screen is built. */
export default function ProjectScreen() {
  return <p>Being built.</p>;
}
