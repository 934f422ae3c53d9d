import { expect } from 'chai';
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { AbiCoder, keccak256, toBeHex, toBigInt, toUtf8Bytes } from 'ethers';

/** ERC-7201: keccak256(abi.encode(uint256(keccak256(id)) - 1)) & ~bytes32(uint256(0xff)). */
function erc7201Slot(namespace: string): string {
    const inner = toBigInt(keccak256(toUtf8Bytes(namespace))) - 1n;
    const outer = toBigInt(keccak256(AbiCoder.defaultAbiCoder().encode(['uint256'], [inner])));
    return toBeHex(outer & ~0xffn, 32);
}

/**
 * Every namespace declared in `contracts/` (`@custom:storage-location erc7201:<id>`) must sit at
 * the slot the ERC-7201 formula gives, in a file that declares exactly that `SLOT` constant.
 */
describe('ERC-7201 storage namespaces', function () {
    const roots = ['contracts'];
    const files: string[] = [];
    const walk = (dir: string) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
            const path = join(dir, entry.name);
            if (entry.isDirectory()) walk(path);
            else if (entry.name.endsWith('.sol')) files.push(path);
        }
    };
    roots.forEach(walk);
    const namespaces = files.flatMap((file) => {
        const source = readFileSync(file, 'utf8');
        return [...source.matchAll(/@custom:storage-location erc7201:([\w.]+)/g)].map((m) => ({
            file,
            id: m[1],
            slots: [
                ...source.matchAll(/bytes32 (?:internal|private) constant \w*SLOT\w* =\s*(0x[0-9a-fA-F]{64})/g),
            ].map((s) => s[1].toLowerCase()),
        }));
    });

    it('finds the namespaces', function () {
        expect(namespaces.map((n) => n.id)).to.include.members(['poco.storage.Diamond', 'poco.storage.Config']);
    });

    it('gives every namespace a unique id', function () {
        const ids = namespaces.map((n) => n.id);
        expect(new Set(ids).size).to.equal(ids.length);
    });

    for (const file of files) {
        const source = readFileSync(file, 'utf8');
        for (const match of source.matchAll(/@custom:storage-location erc7201:([\w.]+)/g)) {
            const id = match[1];
            it(`places ${id} at its ERC-7201 slot (${file})`, function () {
                const declared = namespaces.find((n) => n.id === id)!.slots;
                expect(declared, `${file} must declare exactly one SLOT constant`).to.have.length(1);
                expect(declared[0]).to.equal(erc7201Slot(id));
            });
        }
    }
});
