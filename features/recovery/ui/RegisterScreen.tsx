/** Placeholder while the screen is built. */
export default function RegisterScreen() {
  return <p>Being built.</p>;
}
