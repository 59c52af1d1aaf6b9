import type { Command } from 'commander';

/**
 * Every command of the CLI, one file each. Add a command by importing its factory here.
 */
export const commands: Array<() => Command> = [];
