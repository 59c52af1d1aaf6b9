import ts from 'typescript';

/** The names a link asks of a module, or `all` when it runs the module as a whole (or takes its namespace). */
export type Wanted = ReadonlySet<string> | 'all';

/** One relative module a file reaches at run time, and what it asks of it. */
export interface ModuleLink {
  specifier: string;
  wanted: Wanted;
}

/** What one TypeScript file links to, parsed by the TypeScript compiler (no type checking). */
export interface ModuleShape {
  /** Relative modules the file runs: value imports, side-effect imports, dynamic `import()` (never type-only ones). */
  imports: ModuleLink[];
  /** Re-exports: `export * from` (`names: 'all'`) or `export { a as b } from` (exported name -> imported name). */
  reExports: Array<{ specifier: string; names: 'all' | ReadonlyMap<string, string>; namespace?: string }>;
  /** Names the file declares and exports itself. */
  ownExports: ReadonlySet<string>;
  /** Whether the file only re-exports (a barrel such as src/contract/index.ts): it runs nothing of its own. */
  barrel: boolean;
}

const isRelative = (specifier: string) => specifier.startsWith('./') || specifier.startsWith('../');

/**
 * The import and export shape of a TypeScript source. Type-only imports and exports are left out: they are
 * erased before the code runs, so a change behind them cannot change what a client does.
 */
export function moduleShape(fileName: string, text: string): ModuleShape {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const imports: ModuleLink[] = [];
  const reExports: ModuleShape['reExports'] = [];
  const ownExports = new Set<string>();
  let barrel = true;
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      barrel = false;
      const link = importLink(statement);
      if (link) imports.push(link);
    } else if (ts.isExportDeclaration(statement)) {
      if (statement.isTypeOnly) continue;
      const specifier = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      if (specifier === undefined) {
        barrel = false;
        if (statement.exportClause && ts.isNamedExports(statement.exportClause)) for (const element of statement.exportClause.elements) if (!element.isTypeOnly) ownExports.add(element.name.text);
      } else if (isRelative(specifier)) reExports.push(reExportOf(statement, specifier));
    } else {
      barrel = false;
      for (const name of declaredExports(statement)) ownExports.add(name);
    }
  }
  collectDynamicImports(source, imports);
  return { imports, reExports, ownExports, barrel };
}

function importLink(statement: ts.ImportDeclaration): ModuleLink | undefined {
  const specifier = ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : '';
  if (!isRelative(specifier)) return undefined;
  const clause = statement.importClause;
  if (clause === undefined) return { specifier, wanted: 'all' };
  if (clause.isTypeOnly) return undefined;
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) return { specifier, wanted: 'all' };
  const names = new Set<string>();
  if (clause.name) names.add('default');
  if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) if (!element.isTypeOnly) names.add((element.propertyName ?? element.name).text);
  return names.size === 0 ? undefined : { specifier, wanted: names };
}

function reExportOf(statement: ts.ExportDeclaration, specifier: string): ModuleShape['reExports'][number] {
  const clause = statement.exportClause;
  if (clause === undefined) return { specifier, names: 'all' };
  if (ts.isNamespaceExport(clause)) return { specifier, names: 'all', namespace: clause.name.text };
  const names = new Map<string, string>();
  for (const element of clause.elements) if (!element.isTypeOnly) names.set(element.name.text, (element.propertyName ?? element.name).text);
  return { specifier, names };
}

function declaredExports(statement: ts.Statement): string[] {
  const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
  if (ts.isExportAssignment(statement)) return ['default'];
  if (!modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) return [];
  if (modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword)) return ['default'];
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.flatMap((declaration) => (ts.isIdentifier(declaration.name) ? [declaration.name.text] : []));
  const named = statement as ts.Statement & { name?: ts.Node };
  return named.name && ts.isIdentifier(named.name) ? [named.name.text] : [];
}

function collectDynamicImports(node: ts.Node, imports: ModuleLink[]): void {
  if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
    const [argument] = node.arguments;
    if (argument && ts.isStringLiteral(argument) && isRelative(argument.text)) imports.push({ specifier: argument.text, wanted: 'all' });
  }
  node.forEachChild((child) => collectDynamicImports(child, imports));
}
