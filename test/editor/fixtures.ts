/**
 * A small node catalogue for editor tests, shaped like the built-in file and core node types
 * (`GET /api/nodes` answers), and flows built from it.
 */
import type { Flow, NodeTypeInfo } from '../../editor/src/api/types.ts';

const info = (node: Omit<NodeTypeInfo, 'checkable' | 'source'> & { checkable?: boolean }): NodeTypeInfo =>
  ({ checkable: false, source: 'built-in', ...node });

/** `file.transport`: a folder; checkable. */
export const folderType = info({
  type: 'file.transport', version: 1, category: 'transport', channelType: 'file', label: 'Folder', checkable: true,
  description: 'A folder of files on the runtime machine.',
  config: { type: 'object', additionalProperties: false, required: ['baseDir'],
    properties: { baseDir: { type: 'string', minLength: 1, title: 'Base directory' } } },
  outputs: { transport: { socket: 'transport:file', label: 'Folder' } },
});

/** `file.csv`: rows of CSV files. */
export const csvType = info({
  type: 'file.csv', version: 1, category: 'connector', channelType: 'file', label: 'CSV files',
  description: 'Reads CSV files from a folder, row by row.',
  config: { type: 'object', additionalProperties: false, required: ['glob'], properties: {
    glob: { type: 'string', minLength: 1, title: 'Files', description: 'Glob of the files to read.' },
    batchSize: { type: 'integer', minimum: 1, maximum: 100000, title: 'Batch size' },
    delimiter: { type: 'string', minLength: 1, default: ',', title: 'Delimiter' },
    header: { type: 'boolean', default: true, title: 'First row is a header' },
    columns: { type: 'array', items: { type: 'string', minLength: 1 }, title: 'Column names' },
    encoding: { enum: ['utf8', 'latin1'], default: 'utf8', title: 'Encoding' },
  } },
  inputs: { transport: { socket: 'transport:file', label: 'Folder', required: true } },
  outputs: { records: { socket: 'records:json', label: 'Rows' } },
});

/** `core.field-mapper`: records to entities of the configured type. */
export const mapperType = info({
  type: 'core.field-mapper', version: 1, category: 'mapper', channelType: 'core', label: 'Field mapper',
  description: 'Maps record fields onto a business entity.',
  config: { type: 'object', additionalProperties: false, required: ['entityType', 'originId', 'fields'], properties: {
    entityType: { type: 'string', minLength: 1, title: 'Entity type' },
    originId: { type: 'string', minLength: 1, title: 'Id field' },
    fields: { type: 'array', title: 'Fields', items: { type: 'object', additionalProperties: false, required: ['target'], properties: {
      target: { type: 'string', description: 'Dotted path in the entity data.' },
      source: { type: 'string', minLength: 1 },
      required: { type: 'boolean', default: false },
    } } },
  } },
  inputs: { records: { socket: 'records:*', label: 'Records', required: true } },
  outputs: { entities: { socket: 'entities:{entityType}', label: 'Entities' } },
});

/** `core.entity-store`: writes entities. */
export const storeType = info({
  type: 'core.entity-store', version: 1, category: 'store', channelType: 'core', label: 'Entity store',
  description: 'Saves entities.',
  config: { type: 'object', additionalProperties: false, properties: {} },
  inputs: { entities: { socket: 'entities:*', label: 'Entities', required: true, multiple: true } },
});

/** A transport with a secret, for the form tests. */
export const soapType = info({
  type: 'magento.soap-transport', version: 1, category: 'transport', channelType: 'magento', label: 'Magento SOAP', checkable: true,
  description: 'Magento 1 SOAP API v2.',
  config: { type: 'object', additionalProperties: false, required: ['wsdlUrl', 'apiUser', 'apiKey'], properties: {
    wsdlUrl: { type: 'string', format: 'uri', title: 'WSDL URL' },
    apiUser: { type: 'string', minLength: 1 },
    apiKey: { type: 'string', minLength: 1, writeOnly: true, title: 'API key' },
  } },
  outputs: { transport: { socket: 'transport:magento-soap', label: 'SOAP' } },
});

/** Every fixture type. */
export const catalogue: NodeTypeInfo[] = [folderType, csvType, mapperType, storeType, soapType];

/** Finds a fixture type by id and version. */
export const lookup = (type: string, version: number): NodeTypeInfo | undefined =>
  catalogue.find((node) => node.type === type && node.version === version);

/** Folder → CSV → mapper → store, with positions, a label, a reference and keys in a hand-made order. */
export function contactsFlow(): Flow {
  return {
    schemaVersion: 1,
    id: 'contacts-csv',
    name: 'Contacts from CSV',
    enabled: true,
    schedule: { cron: '*/15 * * * *', timezone: 'Europe/Berlin' },
    nodes: [
      { id: 'folder', type: 'file.transport', version: 1, config: { baseDir: { $env: 'DATA_DIR' } }, position: { x: 0, y: 0 } },
      { id: 'csv', type: 'file.csv', version: 1, label: 'Contacts', config: { glob: '*.csv', delimiter: ';' }, position: { x: 300, y: 10.5 } },
      { id: 'mapper', type: 'core.field-mapper', version: 1, config: { entityType: 'person', originId: 'id',
        fields: [{ target: 'email', source: 'mail' }] }, position: { x: 620, y: -40 } },
      { id: 'store', type: 'core.entity-store', version: 1, config: {}, position: { x: 940, y: 0 } },
    ],
    connections: [
      { from: { node: 'folder', port: 'transport' }, to: { node: 'csv', port: 'transport' } },
      { from: { node: 'csv', port: 'records' }, to: { node: 'mapper', port: 'records' } },
      { from: { node: 'mapper', port: 'entities' }, to: { node: 'store', port: 'entities' } },
    ],
  };
}
