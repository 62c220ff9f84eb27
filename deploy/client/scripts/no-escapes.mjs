// Fails when the hand-written TypeScript (src/*.ts outside src/generated, examples/) escapes the type checker:
// `x as T` (also `as const`, `as unknown as T`), `<T>x`, non-null assertions `x!`, the `any` type, and
// @ts-ignore / @ts-expect-error / @ts-nocheck comments. The generated files are left alone.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "generated" ? [] : files(path);
    return /\.(ts|tsx|mts|cts)$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

const findings = [];
for (const file of [...files(join(pkg, "src")), ...files(join(pkg, "examples"))]) {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const report = (node, what) => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    findings.push(`${relative(pkg, file)}:${line + 1}:${character + 1}: ${what}`);
  };
  const visit = (node) => {
    if (ts.isAsExpression(node)) report(node, `cast: ${node.getText(source).slice(0, 60)}`);
    else if (ts.isTypeAssertionExpression(node)) report(node, "cast: <T>expression");
    else if (ts.isNonNullExpression(node)) report(node, `non-null assertion: ${node.getText(source).slice(0, 60)}`);
    else if (node.kind === ts.SyntaxKind.AnyKeyword) report(node, "the any type");
    ts.forEachChild(node, visit);
  };
  visit(source);
  for (const m of text.matchAll(/@ts-(ignore|expect-error|nocheck)/g)) {
    const { line, character } = source.getLineAndCharacterOfPosition(m.index);
    findings.push(`${relative(pkg, file)}:${line + 1}:${character + 1}: @ts-${m[1]} comment`);
  }
}
for (const f of findings) console.error(f);
console.log(`type-checker escapes (casts, !, any, @ts- comments) in hand-written code: ${findings.length}`);
process.exit(findings.length === 0 ? 0 : 1);
