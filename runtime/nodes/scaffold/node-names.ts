import { ConfigError } from '../../../nodes/contract/errors.ts';

/** The names a scaffold derives from `<channelType>.<name>`. */
export interface NodeNames {
  /** `acme.orders` */
  type: string;
  /** `acme` */
  channelType: string;
  /** `orders` */
  name: string;
  /** `acme-orders`: the folder and file name. */
  file: string;
  /** `acmeOrders`: the definition's variable is `acmeOrdersNode`. */
  ident: string;
  /** `AcmeOrders`: for the types the node declares. */
  pascal: string;
  /** `Acme orders`: the palette label. */
  label: string;
}

/** `<channelType>.<name>`: lower-case words with digits and `-`, exactly one dot. */
const TYPE_ID = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;

/**
 * Derives file, identifier and label names from a node type id; throws a `ConfigError` for an id that is
 * not `<channelType>.<name>` in lower-case kebab words.
 * @example nodeNames('acme.sales-orders').ident // 'acmeSalesOrders'
 */
export function nodeNames(type: string): NodeNames {
  if (!TYPE_ID.test(type) || /--|-\.|-$/.test(type)) {
    throw new ConfigError(`"${type}" is not a node type id: write <channelType>.<name> in lower case, for example "acme.orders" or "acme.sales-orders".`);
  }
  const [channelType, name] = type.split('.');
  const words = `${channelType}-${name}`.split('-');
  const ident = words.map((word, index) => (index === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1))).join('');
  const label = `${channelType.charAt(0).toUpperCase()}${channelType.slice(1)} ${name.replace(/-/g, ' ')}`;
  return { type, channelType, name, file: `${channelType}-${name}`, ident, pascal: ident.charAt(0).toUpperCase() + ident.slice(1), label };
}

/** Fills the `__TYPE__`-style placeholders of a scaffold template. */
export function fillPlaceholders(text: string, names: NodeNames, category: string): string {
  const values: Record<string, string> = {
    __TYPE__: names.type, __CHANNEL__: names.channelType, __NAME__: names.name, __FILE__: names.file,
    __IDENT__: names.ident, __PASCAL__: names.pascal, __LABEL__: names.label, __CATEGORY__: category,
  };
  return text.replace(/__[A-Z]+__/g, (placeholder) => values[placeholder] ?? placeholder);
}
