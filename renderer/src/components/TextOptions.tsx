import { Option } from '@fluentui/react-components';

/**
 * A Dropdown's options, each showing the same words in the list and, once chosen, in the box
 * (Fluent asks for them twice: as the option's text and its content). `option` gives an item's
 * value and words; `none` comes first, with the value '', when nothing is a choice too.
 */
export function textOptions<T>(items: readonly T[], option: (item: T) => [value: string | number, text: string], none?: string) {
  const options = items.map((item) => {
    const [value, text] = option(item);
    return { value: String(value), text };
  });
  return [...(none === undefined ? [] : [{ value: '', text: none }]), ...options].map((o) => (
    <Option key={o.value} value={o.value} text={o.text}>
      {o.text}
    </Option>
  ));
}
