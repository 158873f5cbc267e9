/** The ports of a Magento mapper: Magento records of one kind in, entities of one type out. */
export function mapperPorts<const K extends string, const E extends string>(kind: K, entity: E, label: string) {
  return {
    inputs: { records: { socket: `records:magento.${kind}` as const, label, required: true } },
    outputs: { entities: { socket: `entities:${entity}` as const, label: `${entity} entities` } },
  };
}
