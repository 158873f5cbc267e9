import { TransportError } from '../../contract/errors.ts';

/** The input port every Magento connector has: the SOAP session it reads through. */
export const magentoTransportInput = {
  transport: { socket: 'transport:magento-soap', label: 'Magento session', required: true },
} as const;

/** True when `error` is the Magento fault with one of `codes` (e.g. 100 "Requested order not exists."). */
export function isMagentoFault(error: unknown, ...codes: string[]): boolean {
  return error instanceof TransportError && codes.includes(String(error.status));
}
