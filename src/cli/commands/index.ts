import type { Command } from 'commander';
import { runCommand } from './run.ts';
import { validateCommand } from './validate.ts';
import { scenariosCommand } from './scenarios.ts';
import { toolsCommand } from './tools.ts';
import { doctorCommand } from './doctor.ts';
import { k8sCommand } from './k8s.ts';
import { mocksCommand } from './mocks.ts';
import { reportCommand } from './report.ts';
import { compareCommand } from './compare.ts';
import { generateCommand } from './generate.ts';

/**
 * Every command of the CLI, one file each. Add a command by importing its factory here.
 */
export const commands: Array<() => Command> = [runCommand, validateCommand, scenariosCommand, toolsCommand, doctorCommand, k8sCommand, mocksCommand, reportCommand, compareCommand, generateCommand];
