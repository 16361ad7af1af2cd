/** Placeholder while the screen is built. */
export default function SchoolsScreen() {
  return <p>Being built.</p>;
}
