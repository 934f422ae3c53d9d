/**
 * ABI compatibility: compare the ABI of a hub with the reference ABI of PoCo, entry by entry
 * (functions, events, errors, receive and fallback), as `npm run abi:check` and `test/abi/` do.
 * An entry of the reference is present when the hub has an entry of the same kind, name and
 * parameter types; it is a mismatch when that entry differs in what clients depend on
 * (mutability, outputs, indexed flags, struct names and members, and the parameter names the
 * reference gives).
 */

/** A JSON ABI parameter. */
export interface AbiParam {
    name: string;
    type: string;
    internalType?: string;
    indexed?: boolean;
    components?: readonly AbiParam[];
}

/** A JSON ABI entry. */
export interface AbiEntry {
    type: string;
    name?: string;
    inputs?: readonly AbiParam[];
    outputs?: readonly AbiParam[];
    stateMutability?: string;
    anonymous?: boolean;
}

export type CompatStatus = 'present' | 'missing' | 'mismatch';

export interface CompatResult {
    /** `function deposit(uint256)`, `event Transfer(address,address,uint256)`, `receive`, ... */
    signature: string;
    status: CompatStatus;
    /** What differs, for a mismatch. */
    differences: string[];
}

/** The custom errors PoCo 6.2 adds to the 6.1 ABI files. */
export const POCO_6_2_ERRORS: AbiEntry[] = [
    {
        type: 'error',
        name: 'UnsupportedOperation',
        inputs: [{ name: 'selector', type: 'bytes4', internalType: 'bytes4' }],
    },
    { type: 'error', name: 'OperationFailed', inputs: [] },
    { type: 'error', name: 'CallerIsNotTheRequester', inputs: [] },
];

/** The canonical type of a parameter (tuples expanded). */
export function canonicalType(param: AbiParam): string {
    if (!param.type.startsWith('tuple')) return param.type;
    return `(${(param.components ?? []).map(canonicalType).join(',')})${param.type.slice('tuple'.length)}`;
}

/** The signature an entry is matched by. */
export function signatureOf(entry: AbiEntry): string {
    if (entry.type === 'receive' || entry.type === 'fallback' || entry.type === 'constructor') return entry.type;
    return `${entry.type} ${entry.name}(${(entry.inputs ?? []).map(canonicalType).join(',')})`;
}

function compareParams(where: string, reference: readonly AbiParam[], actual: readonly AbiParam[]): string[] {
    const differences: string[] = [];
    if (reference.length !== actual.length) {
        return [`${where}: ${reference.length} parameters in the reference, ${actual.length} here`];
    }
    reference.forEach((ref, i) => {
        const own = actual[i];
        const label = `${where}[${i}]${ref.name ? ` ${ref.name}` : ''}`;
        if (canonicalType(ref) !== canonicalType(own)) {
            differences.push(`${label}: type ${canonicalType(ref)} in the reference, ${canonicalType(own)} here`);
        }
        if (ref.name !== '' && ref.name !== own.name) {
            differences.push(`${label}: named "${ref.name}" in the reference, "${own.name}" here`);
        }
        if ((ref.indexed ?? false) !== (own.indexed ?? false)) {
            differences.push(
                `${label}: indexed ${ref.indexed ?? false} in the reference, ${own.indexed ?? false} here`,
            );
        }
        if (ref.type.startsWith('tuple')) {
            if (ref.internalType !== own.internalType) {
                differences.push(`${label}: ${ref.internalType} in the reference, ${own.internalType} here`);
            }
            differences.push(...compareParams(label, ref.components ?? [], own.components ?? []));
        }
    });
    return differences;
}

/** Compare one reference entry with the hub's entry of the same signature. */
export function compareEntry(reference: AbiEntry, actual: AbiEntry): string[] {
    const differences: string[] = [];
    if (reference.type === 'function' || reference.type === 'receive' || reference.type === 'fallback') {
        if (reference.stateMutability !== actual.stateMutability) {
            differences.push(
                `mutability ${reference.stateMutability} in the reference, ${actual.stateMutability} here`,
            );
        }
    }
    if (reference.type === 'event' && (reference.anonymous ?? false) !== (actual.anonymous ?? false)) {
        differences.push('anonymous flag differs');
    }
    differences.push(...compareParams('input', reference.inputs ?? [], actual.inputs ?? []));
    differences.push(...compareParams('output', reference.outputs ?? [], actual.outputs ?? []));
    return differences;
}

/** Compare every entry of `reference` with `actual`, in the reference's order. */
export function compareAbis(reference: readonly AbiEntry[], actual: readonly AbiEntry[]): CompatResult[] {
    const own = new Map(actual.map((entry) => [signatureOf(entry), entry]));
    return reference
        .filter((entry) => entry.type !== 'constructor')
        .map((entry) => {
            const signature = signatureOf(entry);
            const match = own.get(signature);
            if (match === undefined) return { signature, status: 'missing' as const, differences: [] };
            const differences = compareEntry(entry, match);
            return {
                signature,
                status: differences.length === 0 ? ('present' as const) : ('mismatch' as const),
                differences,
            };
        });
}
