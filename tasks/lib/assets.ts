import type { Signer } from 'ethers';
import { toUtf8String } from 'ethers';
import { TaskError } from './errors';

/** Asset kinds and the registry getter of the hub that knows them. */
export type AssetKind = 'app' | 'dataset' | 'workerpool';

/** Fail with one line unless `asset` is registered in `registry`. */
export async function requireRegistered(
    registry: { isRegistered(address: string): Promise<boolean> },
    kind: AssetKind,
    asset: string,
): Promise<void> {
    if (!(await registry.isRegistered(asset))) throw new TaskError(`${asset} is not a registered ${kind}`);
}

/** Bytes shown as text when they are printable UTF-8, else as hex. */
export function bytesForDisplay(value: string): string {
    if (value === '0x') return '';
    try {
        const text = toUtf8String(value);
        return /^[\x20-\x7e]*$/.test(text) ? text : value;
    } catch {
        return value;
    }
}

/** Print `label: value` lines aligned. */
export function printFields(fields: Record<string, string | bigint | number>): void {
    const width = Math.max(...Object.keys(fields).map((k) => k.length));
    for (const [label, value] of Object.entries(fields)) console.log(`${label.padEnd(width)}  ${value}`);
}

/** The owner an asset is created for: `--owner`, else the signer. */
export async function ownerOrSigner(owner: string | undefined, signer: Signer): Promise<string> {
    return owner ?? (await signer.getAddress());
}
