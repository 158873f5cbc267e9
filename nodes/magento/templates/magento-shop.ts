import type { FlowConnection, FlowNode } from '../../contract/flow-file.ts';
import type { FlowTemplate } from '../../templates/flow-template.ts';

function node(id: string, type: string, x: number, y: number, config: Record<string, unknown> = {}): FlowNode {
  return { id, type, version: 1, config, position: { x, y } };
}

function wire(from: string, fromPort: string, to: string, toPort: string): FlowConnection {
  return { from: { node: from, port: fromPort }, to: { node: to, port: toPort } };
}

/** Connector node id → its mapper node id and row on the canvas. */
const READERS = [
  ['customer-groups', 'magento.customer-groups', 'to-person-group', 'magento.customer-group-mapper'],
  ['customers', 'magento.customers', 'to-person', 'magento.customer-mapper'],
  ['products', 'magento.products', 'to-product', 'magento.product-mapper'],
  ['orders', 'magento.orders', 'to-order', 'magento.order-mapper'],
  ['carts', 'magento.carts', 'to-cart', 'magento.cart-mapper'],
] as const;

const nodes: FlowNode[] = [
  node('soap', 'magento.soap-transport', 0, 320),
  ...READERS.flatMap(([reader, readerType, mapper, mapperType], row) => [
    node(reader, readerType, 300, row * 160),
    node(mapper, mapperType, 600, row * 160),
  ]),
  node('store', 'core.entity-store', 900, 320),
];

const connections: FlowConnection[] = [
  ...READERS.flatMap(([reader, , mapper]) => [
    wire('soap', 'transport', reader, 'transport'),
    wire(reader, 'records', mapper, 'records'),
    wire(mapper, 'entities', 'store', 'entities'),
  ]),
  wire('orders', 'records', 'carts', 'orders'),
];

/**
 * `magento.shop`: a Magento 1 shop over SOAP API v2 into the entity store: customer groups, customers,
 * products, orders and (optionally) carts, each with its mapper. The wizard asks for the WSDL URL, the API
 * user and key; carts are read from the quotes behind orders, so ticking carts keeps the order reader.
 */
export const magentoShopTemplate: FlowTemplate = {
  id: 'magento.shop',
  channelType: 'magento',
  label: 'Magento shop',
  description: 'Customers, customer groups, products, orders and carts of a Magento 1 shop, synced incrementally every 15 minutes.',
  flow: {
    description: 'A Magento 1 shop (SOAP API v2): customers, customer groups, products, orders and carts.',
    enabled: true,
    schedule: { cron: '*/15 * * * *', timezone: 'UTC' },
    nodes,
    connections,
  },
  parameters: [
    { nodeId: 'soap', field: 'wsdlUrl', label: 'WSDL URL', required: true, description: 'For example https://shop.example/index.php/api/v2_soap/?wsdl=1.' },
    { nodeId: 'soap', field: 'apiUser', label: 'API user', required: true, description: 'A SOAP/XML-RPC user (System → Web Services → SOAP/XML-RPC Users).' },
    { nodeId: 'soap', field: 'apiKey', label: 'API key', required: true, secret: true },
    { nodeId: 'soap', field: 'wsiMode', label: 'WS-I compliance', description: 'On when the shop has "WS-I Compliance" set to Yes.' },
    { nodeId: 'soap', field: 'syncStartDate', label: 'Sync start date', description: 'Records last updated before this date are not read (default 2007-01-01).' },
    { nodeId: 'products', field: 'storeView', label: 'Store view', description: 'Store view whose product names and prices to read; empty for the default values.' },
  ],
  connectors: [
    { id: 'customer-groups', label: 'Customer groups', nodeIds: ['customer-groups', 'to-person-group'], default: true },
    { id: 'customers', label: 'Customers', nodeIds: ['customers', 'to-person'], default: true },
    { id: 'products', label: 'Products', nodeIds: ['products', 'to-product'], default: true },
    { id: 'orders', label: 'Orders', nodeIds: ['orders', 'to-order'], default: true },
    {
      id: 'carts',
      label: 'Carts',
      description: 'The carts behind orders (one extra call per order); needs the order reader, which it keeps.',
      nodeIds: ['carts', 'to-cart', 'orders'],
      default: false,
    },
  ],
};
