import type { FlowTemplate } from '../../templates/flow-template.ts';
import { personMappingTail } from '../../templates/person-mapping.ts';

const tail = personMappingTail('rows', 'to-person');

/**
 * `file.csv-persons`: CSV files in a folder → field mapper → persons in the entity store. The wizard asks
 * for the folder, the file pattern and the id column; the field rules start with the usual columns
 * (first_name, last_name, email) and are edited on the canvas afterwards.
 */
export const csvPersonsTemplate: FlowTemplate = {
  id: 'file.csv-persons',
  channelType: 'file',
  label: 'Persons from CSV files',
  description: 'Reads CSV files from a folder and stores each row as a person; files already read are skipped until they change.',
  flow: {
    enabled: true,
    schedule: { cron: '0 * * * *', timezone: 'UTC' },
    nodes: [
      { id: 'files', type: 'file.transport', version: 1, config: {}, position: { x: 0, y: 0 } },
      { id: 'rows', type: 'file.csv', version: 1, config: { delimiter: ',' }, position: { x: 300, y: 0 } },
      ...tail.nodes,
    ],
    connections: [
      { from: { node: 'files', port: 'transport' }, to: { node: 'rows', port: 'transport' } },
      ...tail.connections,
    ],
  },
  parameters: [
    { nodeId: 'files', field: 'baseDir', label: 'Folder', required: true, description: 'The folder the CSV files are in, on the machine the runtime runs on.' },
    { nodeId: 'rows', field: 'glob', label: 'Files', required: true, description: 'Glob of the files, for example "contacts/*.csv".' },
    { nodeId: 'rows', field: 'delimiter', label: 'Delimiter' },
    { nodeId: 'to-person', field: 'originId', label: 'Id column', required: true, description: 'The column holding each row\'s unique id.' },
    { nodeId: 'to-person', field: 'fields', label: 'Field rules', description: 'Which column goes to which person field.' },
  ],
};
