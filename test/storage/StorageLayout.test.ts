import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { compareLayouts, namespacedLayout, sortReleases, type LayoutSnapshot } from '../../sdk/storage-layout';
import { runTaskCapturing, runTaskFailing } from '../helpers/tasks';

/**
 * A namespace library shaped like `contracts/storage/*Storage.sol`, compiled in each test with
 * one change: the fixture layouts the check must accept (appends) or refuse.
 */
const FIXTURE = `// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

library FixtureStorage {
    enum Status {
        Unset,
        Active
    }

    struct Entry {
        address account;
        uint96 amount;
    }

    /// @custom:storage-location erc7201:fixture.storage.Main
    struct Layout {
        uint256 total;
        address owner;
        uint8 decimals;
        mapping(bytes32 id => Entry) entries;
        Status status;
        string name;
    }
}
`;
const FIXTURE_PATH = 'contracts/storage/FixtureStorage.sol';

function layoutOf(source: string, extra: Record<string, string> = {}) {
    const sources = Object.fromEntries(
        Object.entries({ [FIXTURE_PATH]: source, ...extra }).map(([path, content]) => [path, { content }]),
    );
    return namespacedLayout(sources);
}

/** The fixture with `from` replaced by `to` (which must occur). */
function changed(from: string, to: string): string {
    expect(FIXTURE, `fixture contains ${from}`).to.include(from);
    return FIXTURE.replace(from, to);
}

describe('Storage layout check (sdk/storage-layout.ts, storage:check)', function () {
    const base = layoutOf(FIXTURE);

    describe('namespacedLayout', function () {
        it('extracts the fields of a namespace declared in a library, with slots relative to its root', function () {
            const fields = base.namespaces!['erc7201:fixture.storage.Main'];
            expect(fields.map((f) => [f.label, f.slot, f.offset])).to.deep.equal([
                ['total', '0', 0],
                ['owner', '1', 0],
                ['decimals', '1', 20],
                ['entries', '2', 0],
                ['status', '3', 0],
                ['name', '4', 0],
            ]);
            expect(fields[0].contract).to.equal('FixtureStorage');
            expect(fields[1].src).to.equal(`${FIXTURE_PATH}:18`);
        });

        it('records enum values and nested struct members', function () {
            const types = Object.values(base.types);
            expect(types.find((t) => t.label === 'enum FixtureStorage.Status')?.members).to.deep.equal([
                'Unset',
                'Active',
            ]);
            const entry = types.find((t) => t.label === 'struct FixtureStorage.Entry');
            expect((entry?.members as { label: string }[]).map((m) => m.label)).to.deep.equal(['account', 'amount']);
        });

        it('refuses a namespace declared twice', function () {
            const twin = FIXTURE.replace('library FixtureStorage', 'library TwinStorage');
            expect(() => layoutOf(FIXTURE, { 'contracts/storage/TwinStorage.sol': twin })).to.throw(
                'namespace erc7201:fixture.storage.Main is declared twice',
            );
        });
    });

    describe('compareLayouts', function () {
        it('accepts the same layout', function () {
            const comparison = compareLayouts(base, layoutOf(FIXTURE));
            expect(comparison.pass).to.equal(true);
            expect(comparison.namespaces).to.deep.equal([
                {
                    location: 'erc7201:fixture.storage.Main',
                    status: 'kept',
                    previousFields: 6,
                    currentFields: 6,
                    addedFields: [],
                },
            ]);
        });

        it('accepts fields appended at the end', function () {
            const comparison = compareLayouts(base, layoutOf(changed('string name;', 'string name;\n bool paused;')));
            expect(comparison.pass).to.equal(true);
            expect(comparison.namespaces[0].addedFields).to.deep.equal(['paused']);
        });

        it('accepts a field added in padding, which moves nothing', function () {
            const comparison = compareLayouts(base, layoutOf(changed('uint8 decimals;', 'uint8 decimals;\n bool x;')));
            expect(comparison.pass).to.equal(true);
            expect(comparison.namespaces[0].addedFields).to.deep.equal(['x']);
        });

        it('accepts a new namespace and an appended enum value', function () {
            const second = changed('erc7201:fixture.storage.Main', 'erc7201:fixture.storage.Other').replace(
                'library FixtureStorage',
                'library OtherStorage',
            );
            const current = layoutOf(changed('Active\n', 'Active,\n Closed\n'), {
                'contracts/storage/OtherStorage.sol': second,
            });
            const comparison = compareLayouts(base, current);
            expect(comparison.pass).to.equal(true);
            expect(comparison.namespaces.map((n) => [n.location, n.status])).to.deep.equal([
                ['erc7201:fixture.storage.Main', 'kept'],
                ['erc7201:fixture.storage.Other', 'new'],
            ]);
        });

        const refused: [string, string, RegExp][] = [
            ['a removed field', changed('address owner;\n', ''), /Deleted `owner`/],
            [
                'reordered fields',
                changed('uint256 total;\n        address owner;', 'address owner;\n        uint256 total;'),
                /Deleted `(total|owner)`/,
            ],
            ['a retyped field', changed('uint256 total;', 'uint128 total;'), /Bad upgrade from uint256 to uint128/],
            [
                'a retyped member of a nested struct',
                changed('uint96 amount;', 'uint64 amount;'),
                /Bad upgrade from uint96 to uint64/,
            ],
            [
                'a field inserted in the middle (later fields move)',
                changed('Status status;', 'uint256 inserted;\n        Status status;'),
                /Inserted `inserted`/,
            ],
            ['a renamed field', changed('string name;', 'string label;'), /Renamed `name` to `label`/],
            ['a removed enum value', changed('Unset,\n        Active', 'Unset'), /Deleted `Active`/],
        ];
        for (const [what, source, message] of refused) {
            it(`refuses ${what}`, function () {
                const comparison = compareLayouts(base, layoutOf(source));
                expect(comparison.pass).to.equal(false);
                expect(comparison.problems).to.match(message);
            });
        }

        it('refuses a removed namespace', function () {
            const comparison = compareLayouts(base, layoutOf('// SPDX-License-Identifier: Apache-2.0\n'));
            expect(comparison.pass).to.equal(false);
            expect(comparison.problems).to.include('Deleted namespace `erc7201:fixture.storage.Main`');
            expect(comparison.namespaces[0].status).to.equal('removed');
        });
    });

    describe('storage:check and storage:snapshot', function () {
        let dir: string;
        beforeEach(function () {
            dir = mkdtempSync(join(tmpdir(), 'poco-storage-'));
        });
        afterEach(function () {
            rmSync(dir, { recursive: true, force: true });
        });

        it('finds the namespaces of contracts/ compatible with the latest committed release', async function () {
            const output = await runTaskCapturing('storage:check');
            expect(output).to.match(/compatible with v\d+\.\d+\.\d+$/);
            expect(output).to.include('erc7201:poco.storage.Diamond');
        });

        it('fails with one line, after the explanation, when a recorded field is gone', async function () {
            const committed = JSON.parse(readFileSync('storage-layout/v0.1.0.json', 'utf8')) as LayoutSnapshot;
            // A later release that had one more field than the compiled code: as if it was removed.
            const config = committed.layout.namespaces!['erc7201:poco.storage.Config'];
            config.push({ ...config[config.length - 1], label: 'removedLater', slot: '1000' });
            writeFileSync(join(dir, 'v9.0.0.json'), JSON.stringify({ ...committed, release: 'v9.0.0' }));
            const { output, error } = await runTaskFailing('storage:check', { dir });
            expect(error).to.equal('the storage layout is not compatible with v9.0.0 (see above)');
            expect(output).to.include('Deleted `removedLater`');
        });

        it('records a release, then refuses to overwrite it without --force', async function () {
            const output = await runTaskCapturing('storage:snapshot', { release: 'v1.0.0', dir, force: false });
            expect(output).to.match(/recorded \d+ namespaces as v1\.0\.0/);
            const written = JSON.parse(readFileSync(join(dir, 'v1.0.0.json'), 'utf8')) as LayoutSnapshot;
            expect(written.release).to.equal('v1.0.0');
            expect(Object.keys(written.layout.namespaces!)).to.include('erc7201:poco.storage.Config');
            await expect(
                runTaskCapturing('storage:snapshot', { release: 'v1.0.0', dir, force: false }),
            ).to.be.rejectedWith('exists already (--force to overwrite it)');
            expect(await runTaskCapturing('storage:check', { dir })).to.include('compatible with v1.0.0');
        });

        it('refuses a release name that is not vMAJOR.MINOR.PATCH', async function () {
            await expect(
                runTaskCapturing('storage:snapshot', { release: '1.0', dir, force: false }),
            ).to.be.rejectedWith('"1.0" is not a release name');
        });

        it('refuses to record a release incompatible with the previous one', async function () {
            const committed = JSON.parse(readFileSync('storage-layout/v0.1.0.json', 'utf8')) as LayoutSnapshot;
            committed.layout.namespaces!['erc7201:poco.storage.Diamond'].reverse();
            writeFileSync(join(dir, 'v1.0.0.json'), JSON.stringify(committed));
            await expect(
                runTaskCapturing('storage:snapshot', { release: 'v1.1.0', dir, force: false }),
            ).to.be.rejectedWith('refusing to record v1.1.0: not compatible with v1.0.0');
        });

        it('sorts releases by version, not as text', function () {
            expect(sortReleases(['v0.10.0', 'v0.2.0', 'v1.0.0', 'v0.2.1'])).to.deep.equal([
                'v0.2.0',
                'v0.2.1',
                'v0.10.0',
                'v1.0.0',
            ]);
        });
    });
});
