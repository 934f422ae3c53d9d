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

/**
 * Run a Hardhat task in-process that must fail, and return what it printed before failing and
 * its error message (which must be one line).
 */
export async function runTaskFailing(
    name: string,
    args: Record<string, unknown> = {},
): Promise<{ output: string; error: string }> {
    const lines: string[] = [];
    const log = console.log;
    console.log = (...parts: unknown[]) => lines.push(parts.map(String).join(' '));
    try {
        await hre.run(name, args);
    } catch (error) {
        const message = (error as Error).message;
        if (message.includes('\n')) throw new Error(`${name} failed with more than one line: ${message}`);
        return { output: lines.join('\n'), error: message };
    } finally {
        console.log = log;
    }
    throw new Error(`${name} did not fail; it printed:\n${lines.join('\n')}`);
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
