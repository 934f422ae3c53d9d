/**
 * Storage-layout compatibility of the hub's ERC-7201 namespaces across releases.
 *
 * The hub's state lives in structs annotated `@custom:storage-location erc7201:<id>` that are
 * declared in libraries (`library XStorage { struct Layout … }`). `@openzeppelin/upgrades-core`
 * compares namespaced layouts well, but only extracts namespaces declared in a contract or its
 * bases: it skips structs declared in libraries (its `validate` CLI warns "Namespace struct
 * Layout is defined outside of a contract … not included in storage layout validations").
 *
 * So this module does the extraction itself and leaves the comparison to upgrades-core:
 * 1. find every annotated struct in the compiler's AST;
 * 2. compile a probe contract holding one state variable of each such struct type (with the
 *    pinned solc, the same version as the build), so that solc reports every field's slot,
 *    offset and type;
 * 3. turn that into an upgrades-core `StorageLayout` whose `namespaces` map holds each
 *    namespace's fields, with slots relative to the namespace's root;
 * 4. compare two such layouts with upgrades-core's `getStorageUpgradeReport`, which allows
 *    appending fields and reports deletions, reorderings, retypings, renames and moved fields.
 */
import type { StorageLayout } from '@openzeppelin/upgrades-core';
import { getStorageUpgradeReport, withValidationDefaults } from '@openzeppelin/upgrades-core';

/** The version of the layout snapshot file format. */
export const SNAPSHOT_FORMAT = 1;

/** A release's recorded namespaces (`storage-layout/<release>.json`). */
export interface LayoutSnapshot {
    format: typeof SNAPSHOT_FORMAT;
    release: string;
    solcVersion: string;
    layout: StorageLayout;
}

/** An annotated struct: one ERC-7201 namespace. */
export interface NamespaceDeclaration {
    /** `erc7201:<id>`, the key of upgrades-core's `namespaces`. */
    location: string;
    /** The library (or contract) that declares the struct. */
    container: string;
    /** The struct's name inside its container. */
    struct: string;
    /** The source file that declares it. */
    source: string;
}

/** Solidity sources in standard-JSON form. */
export type Sources = Record<string, { content: string }>;

// Minimal shapes of the solc AST and outputs this module reads.
/** A solc AST node (the fields this module reads). */
export interface AstNode {
    id: number;
    nodeType: string;
    src: string;
    name?: string;
    nodes?: AstNode[];
    members?: AstNode[];
    absolutePath?: string;
    documentation?: { text?: string } | string | null;
    underlyingType?: { typeDescriptions?: { typeIdentifier?: string } };
}

interface SolcTypeEntry {
    label: string;
    numberOfBytes: string;
    members?: { astId: number; label: string; offset: number; slot: string; type: string }[];
}

interface SolcStorageLayout {
    storage: { label: string; type: string }[];
    types: Record<string, SolcTypeEntry> | null;
}

interface SolcOutput {
    errors?: { severity: string; formattedMessage: string }[];
    sources?: Record<string, { id: number; ast: AstNode }>;
    contracts?: Record<string, Record<string, { storageLayout?: SolcStorageLayout }>>;
}

interface SolcJs {
    compile(input: string): string;
    version(): string;
}

/** The solc compiler shipped by the pinned npm `solc` package (these machines cannot download one). */
function solcjs(): SolcJs {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('solc') as SolcJs;
}

/** The version of the bundled solc, e.g. `0.8.28`. */
export function bundledSolcVersion(): string {
    return solcjs().version().split('+')[0];
}

const PROBE_SOURCE = '__storage_layout_probe__.sol';
const PROBE_CONTRACT = 'StorageLayoutProbe';
const LOCATION_TAG = /@custom:storage-location\s+(\S+)/;

function compile(sources: Sources, outputSelection: Record<string, Record<string, string[]>>): SolcOutput {
    const input = { language: 'Solidity', sources, settings: { outputSelection } };
    const output = JSON.parse(solcjs().compile(JSON.stringify(input))) as SolcOutput;
    const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
    if (errors.length > 0) {
        throw new Error(`storage layout: compilation failed: ${errors[0].formattedMessage.split('\n')[0]}`);
    }
    return output;
}

/** The ASTs of the given sources (parse and analysis only). */
export function astsOf(sources: Sources): Record<string, AstNode> {
    const output = compile(sources, { '*': { '': ['ast'] } });
    return Object.fromEntries(Object.entries(output.sources ?? {}).map(([path, { ast }]) => [path, ast]));
}

function docText(node: AstNode): string {
    const doc = node.documentation;
    if (doc === undefined || doc === null) return '';
    return typeof doc === 'string' ? doc : (doc.text ?? '');
}

/**
 * Every struct annotated `@custom:storage-location` in the given ASTs, in a library, contract or
 * interface, for the source files `include` accepts. Fails on a namespace declared twice.
 */
export function findNamespaces(
    asts: Record<string, AstNode>,
    include: (source: string) => boolean = () => true,
): NamespaceDeclaration[] {
    const found: NamespaceDeclaration[] = [];
    for (const [source, ast] of Object.entries(asts).sort(([a], [b]) => a.localeCompare(b))) {
        if (!include(source)) continue;
        for (const unit of ast.nodes ?? []) {
            if (unit.nodeType !== 'ContractDefinition') continue;
            for (const node of unit.nodes ?? []) {
                if (node.nodeType !== 'StructDefinition') continue;
                const match = docText(node).match(LOCATION_TAG);
                if (match === null) continue;
                const location = match[1];
                const twin = found.find((n) => n.location === location);
                if (twin !== undefined) {
                    throw new Error(
                        `storage layout: namespace ${location} is declared twice: ${twin.container}.${twin.struct} ` +
                            `(${twin.source}) and ${unit.name}.${node.name} (${source})`,
                    );
                }
                found.push({ location, container: unit.name!, struct: node.name!, source });
            }
        }
    }
    return found;
}

/** The source files `roots` import, directly or not, and the roots themselves. */
function importClosure(asts: Record<string, AstNode>, roots: string[]): string[] {
    const seen = new Set<string>();
    const visit = (path: string) => {
        if (seen.has(path)) return;
        seen.add(path);
        for (const node of asts[path]?.nodes ?? []) {
            if (node.nodeType === 'ImportDirective' && node.absolutePath !== undefined) visit(node.absolutePath);
        }
    };
    roots.forEach(visit);
    return [...seen].sort();
}

/** The probe contract: one state variable per namespace struct. */
function probeSource(namespaces: NamespaceDeclaration[], pragma: string): string {
    const lines = ['// SPDX-License-Identifier: UNLICENSED', `pragma solidity ${pragma};`];
    namespaces.forEach((n, i) => lines.push(`import {${n.container} as N${i}} from ${JSON.stringify(n.source)};`));
    lines.push(`contract ${PROBE_CONTRACT} {`);
    namespaces.forEach((n, i) => lines.push(`    N${i}.${n.struct} internal n${i};`));
    lines.push('}', '');
    return lines.join('\n');
}

/** `file:line` of an AST node. */
function lineOf(src: string, output: SolcOutput, sources: Sources): string {
    const [start, , index] = src.split(':').map(Number);
    const path = Object.entries(output.sources ?? {}).find(([, s]) => s.id === index)?.[0];
    if (path === undefined) return 'unknown';
    const content = sources[path]?.content ?? '';
    return `${path}:${content.slice(0, start).split('\n').length}`;
}

function indexNodes(asts: Iterable<AstNode>): Map<number, AstNode> {
    const byId = new Map<number, AstNode>();
    const walk = (value: unknown) => {
        if (Array.isArray(value)) value.forEach(walk);
        else if (value !== null && typeof value === 'object') {
            const node = value as AstNode;
            if (typeof node.id === 'number' && typeof node.nodeType === 'string') byId.set(node.id, node);
            Object.values(node).forEach(walk);
        }
    };
    for (const ast of asts) walk(ast);
    return byId;
}

/**
 * The namespaced storage layout of `sources` (every namespace of the files `include` accepts),
 * in upgrades-core's format: `namespaces[location]` lists the fields with slots relative to the
 * namespace's root, `types` describes every type they use (struct members, enum values).
 *
 * @param asts The sources' ASTs when they are at hand (a build-info's output), else they are
 *   computed.
 */
export function namespacedLayout(
    sources: Sources,
    options: { asts?: Record<string, AstNode>; include?: (source: string) => boolean } = {},
): StorageLayout {
    const asts = options.asts ?? astsOf(sources);
    const namespaces = findNamespaces(asts, options.include);
    const layout: StorageLayout = {
        layoutVersion: '1.2',
        solcVersion: bundledSolcVersion(),
        storage: [],
        types: {},
        namespaces: {},
        flat: false,
    };
    if (namespaces.length === 0) return layout;

    const probeSources: Sources = {};
    for (const path of importClosure(
        asts,
        namespaces.map((n) => n.source),
    )) {
        if (sources[path] === undefined) throw new Error(`storage layout: source ${path} is missing`);
        probeSources[path] = sources[path];
    }
    probeSources[PROBE_SOURCE] = { content: probeSource(namespaces, bundledSolcVersion()) };
    const output = compile(probeSources, {
        [PROBE_SOURCE]: { [PROBE_CONTRACT]: ['storageLayout'] },
        '*': { '': ['ast'] },
    });
    const solcLayout = output.contracts?.[PROBE_SOURCE]?.[PROBE_CONTRACT]?.storageLayout;
    if (solcLayout === undefined || solcLayout.types === null) {
        throw new Error('storage layout: the compiler returned no storage layout for the probe');
    }
    const types = solcLayout.types;
    const nodes = indexNodes(Object.values(output.sources ?? {}).map((s) => s.ast));

    for (const [type, entry] of Object.entries(types)) {
        const item: StorageLayout['types'][string] = { label: entry.label, numberOfBytes: entry.numberOfBytes };
        if (entry.members !== undefined) {
            item.members = entry.members.map(({ label, type, offset, slot }) => ({ label, type, offset, slot }));
        }
        const astId = Number(type.match(/^t_(?:enum|userDefinedValueType)\(\w+\)(\d+)$/)?.[1]);
        const definition = Number.isNaN(astId) ? undefined : nodes.get(astId);
        if (definition?.nodeType === 'EnumDefinition') {
            item.members = (definition.members ?? []).map((m) => m.name!);
        } else if (definition?.nodeType === 'UserDefinedValueTypeDefinition') {
            item.underlying = definition.underlyingType?.typeDescriptions?.typeIdentifier;
        }
        layout.types[type] = item;
    }

    namespaces.forEach((namespace, i) => {
        const variable = solcLayout.storage.find((v) => v.label === `n${i}`)!;
        const struct = types[variable.type];
        layout.namespaces![namespace.location] = (struct.members ?? []).map((member) => ({
            contract: namespace.container,
            label: member.label,
            type: member.type,
            src: lineOf(nodes.get(member.astId)?.src ?? '', output, probeSources),
            offset: member.offset,
            slot: member.slot,
        }));
    });
    return layout;
}

/** What changed in one namespace between two layouts. */
export interface NamespaceSummary {
    location: string;
    /** `new`: only in the current layout; `removed`: only in the previous one. */
    status: 'kept' | 'new' | 'removed';
    previousFields: number;
    currentFields: number;
    /** Fields of the current layout the previous one did not have (by name). */
    addedFields: string[];
}

/** The comparison of a current layout with a previous release's. */
export interface LayoutComparison {
    /** True when the current layout only appends to the previous one. */
    pass: boolean;
    /** upgrades-core's explanation of every incompatibility (empty when `pass`). */
    problems: string;
    namespaces: NamespaceSummary[];
}

/**
 * Compare the current namespaced layout with a previous release's, with upgrades-core: a
 * namespace may gain fields at its end (or in padding that moves nothing), never lose, reorder,
 * retype, rename or move one; a namespace may be added, never removed.
 */
export function compareLayouts(previous: StorageLayout, current: StorageLayout): LayoutComparison {
    const report = getStorageUpgradeReport(previous, current, withValidationDefaults({}));
    const locations = [
        ...new Set([...Object.keys(previous.namespaces ?? {}), ...Object.keys(current.namespaces ?? {})]),
    ].sort();
    const namespaces = locations.map((location): NamespaceSummary => {
        const before = previous.namespaces?.[location];
        const after = current.namespaces?.[location];
        return {
            location,
            status: before === undefined ? 'new' : after === undefined ? 'removed' : 'kept',
            previousFields: before?.length ?? 0,
            currentFields: after?.length ?? 0,
            addedFields: (after ?? []).filter((f) => !before?.some((g) => g.label === f.label)).map((f) => f.label),
        };
    });
    return { pass: report.pass, problems: report.pass ? '' : report.explain(false), namespaces };
}

/** Releases are named `vMAJOR.MINOR.PATCH`. */
export const RELEASE_PATTERN = /^v\d+\.\d+\.\d+$/;

/** Sort release names by version, oldest first. */
export function sortReleases(releases: string[]): string[] {
    const key = (r: string) => r.slice(1).split('.').map(Number);
    return [...releases].sort((a, b) => {
        const [x, y] = [key(a), key(b)];
        for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
        return 0;
    });
}
