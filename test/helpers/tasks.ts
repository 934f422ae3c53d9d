import hre from 'hardhat';

/** Run a Hardhat task in-process and return what it printed. */
export async function runTaskCapturing(name: string, args: Record<string, unknown> = {}): Promise<string> {
    const lines: string[] = [];
    const log = console.log;
    console.log = (...parts: unknown[]) => lines.push(parts.map(String).join(' '));
    try {
        await hre.run(name, args);
    } finally {
        console.log = log;
    }
    return lines.join('\n');
}

/** The `label  value` lines printed by the asset tasks, as an object. */
export function parseFields(output: string): Record<string, string> {
    return Object.fromEntries(
        output
            .split('\n')
            .map((line) => line.match(/^(\S+)\s+(.*)$/))
            .filter((m): m is RegExpMatchArray => m !== null)
            .map((m) => [m[1], m[2]]),
    );
}
