/**
 * ABI compatibility: compares an ABI with a reference ABI entry by entry. An entry of the
 * reference is *present* when the other ABI has the same kind, name and input types; it is in
 * *conflict* when it is present but differs in what a client depends on (output types, struct
 * names and member names, mutability, indexed flags), or when the name exists only with other
 * input types.
 */

export interface AbiParam {
    name?: string;
    type: string;
    internalType?: string;
    indexed?: boolean;
    components?: AbiParam[];
}

export interface AbiItem {
    type: string;
    name?: string;
    inputs?: AbiParam[];
    outputs?: AbiParam[];
    stateMutability?: string;
    anonymous?: boolean;
}

export type Kind = 'function' | 'event' | 'error';

export interface KindReport {
    total: number;
    present: number;
    missing: string[];
    conflicts: { signature: string; reason: string }[];
}

export type AbiReport = Record<Kind, KindReport>;

/** Canonical type of a parameter: `(address,uint256)[]` for a tuple array. */
export function canonicalType(param: AbiParam): string {
    if (!param.type.startsWith('tuple')) return param.type;
    return `(${(param.components ?? []).map(canonicalType).join(',')})${param.type.slice('tuple'.length)}`;
}

/** What a client decodes by: types, and for tuples the struct name and member names, recursively. */
function shape(param: AbiParam): string {
    if (!param.type.startsWith('tuple')) return param.type;
    const members = (param.components ?? []).map((c) => `${shape(c)} ${c.name ?? ''}`).join(',');
    return `${param.internalType ?? 'tuple'}{${members}}${param.type.slice('tuple'.length)}`;
}

const kindOf = (item: AbiItem): Kind | undefined => {
    if (item.type === 'function' || item.type === 'fallback' || item.type === 'receive') return 'function';
    if (item.type === 'event') return 'event';
    if (item.type === 'error') return 'error';
    return undefined;
};

const nameOf = (item: AbiItem): string =>
    item.type === 'fallback' || item.type === 'receive' ? item.type : item.name!;

/** `name(type,type)`, the key entries are matched by. */
export function signatureOf(item: AbiItem): string {
    return `${nameOf(item)}(${(item.inputs ?? []).map(canonicalType).join(',')})`;
}

function differences(reference: AbiItem, actual: AbiItem): string[] {
    const reasons: string[] = [];
    const refInputs = (reference.inputs ?? []).map(shape).join(',');
    const actInputs = (actual.inputs ?? []).map(shape).join(',');
    if (refInputs !== actInputs) reasons.push(`inputs ${actInputs} instead of ${refInputs}`);
    const refOutputs = (reference.outputs ?? []).map(shape).join(',');
    const actOutputs = (actual.outputs ?? []).map(shape).join(',');
    if (refOutputs !== actOutputs) reasons.push(`outputs ${actOutputs} instead of ${refOutputs}`);
    if ((reference.stateMutability ?? '') !== (actual.stateMutability ?? '')) {
        reasons.push(`mutability ${actual.stateMutability} instead of ${reference.stateMutability}`);
    }
    if (reference.type === 'event') {
        const refIndexed = (reference.inputs ?? []).map((i) => !!i.indexed).join(',');
        const actIndexed = (actual.inputs ?? []).map((i) => !!i.indexed).join(',');
        if (refIndexed !== actIndexed) reasons.push(`indexed flags ${actIndexed} instead of ${refIndexed}`);
        if (!!reference.anonymous !== !!actual.anonymous) reasons.push('anonymity differs');
    }
    return reasons;
}

/** Compare `actual` with `reference`: coverage per kind, what is missing, what conflicts. */
export function compareAbi(reference: readonly AbiItem[], actual: readonly AbiItem[]): AbiReport {
    const report: AbiReport = {
        function: { total: 0, present: 0, missing: [], conflicts: [] },
        event: { total: 0, present: 0, missing: [], conflicts: [] },
        error: { total: 0, present: 0, missing: [], conflicts: [] },
    };
    const bySignature = new Map<string, AbiItem>();
    const byName = new Map<string, AbiItem[]>();
    for (const item of actual) {
        const kind = kindOf(item);
        if (kind === undefined) continue;
        bySignature.set(`${kind} ${signatureOf(item)}`, item);
        const key = `${kind} ${nameOf(item)}`;
        byName.set(key, [...(byName.get(key) ?? []), item]);
    }
    for (const item of reference) {
        const kind = kindOf(item);
        if (kind === undefined) continue;
        const entry = report[kind];
        const signature = signatureOf(item);
        entry.total++;
        const match = bySignature.get(`${kind} ${signature}`);
        if (match !== undefined) {
            entry.present++;
            const reasons = differences(item, match);
            if (reasons.length > 0) entry.conflicts.push({ signature, reason: reasons.join('; ') });
            continue;
        }
        const sameName = byName.get(`${kind} ${nameOf(item)}`) ?? [];
        const otherOverloadInReference = reference.some(
            (other) => other !== item && kindOf(other) === kind && nameOf(other) === nameOf(item),
        );
        if (sameName.length > 0 && !otherOverloadInReference) {
            entry.conflicts.push({
                signature,
                reason: `defined as ${sameName.map(signatureOf).join(' / ')}`,
            });
        }
        entry.missing.push(signature);
    }
    return report;
}

/** `ABI coverage: functions X/Y, events X/Y, errors X/Y`. */
export function coverageLine(report: AbiReport): string {
    const part = (label: string, r: KindReport) => `${label} ${r.present}/${r.total}`;
    return `ABI coverage: ${part('functions', report.function)}, ${part('events', report.event)}, ${part('errors', report.error)}`;
}

/** Every conflict of a report, one line each. */
export function conflictsOf(report: AbiReport): string[] {
    return (Object.keys(report) as Kind[]).flatMap((kind) =>
        report[kind].conflicts.map((c) => `${kind} ${c.signature}: ${c.reason}`),
    );
}
