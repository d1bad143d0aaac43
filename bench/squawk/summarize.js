// Reads squawk's JSON report (stdin) and prints one line per finding and a count per rule;
// exits 1 when a locking rule fired. Which rules are "locking" is listed in bench/online/README.md.
const LOCKING = new Set([
  'require-concurrent-index-creation', 'require-concurrent-index-deletion',
  'ban-concurrent-index-creation-in-transaction', 'constraint-missing-not-valid',
  'disallowed-unique-constraint', 'adding-not-nullable-field', 'adding-foreign-key-constraint',
  'require-timeout-settings', 'require-lock-timeout', 'adding-field-with-default',
  'changing-column-type', 'adding-serial-primary-key-field', 'ban-alter-domain-with-add-constraint',
]);
const root = process.argv[2] || '';
let text = '';
process.stdin.on('data', d => { text += d; });
process.stdin.on('end', () => {
  const findings = text.trim() ? JSON.parse(text) : [];
  const byRule = new Map();
  for (const f of findings) {
    const rule = f.rule_name || f.rule || 'unknown';
    const file = (f.file || '').replace(root, '');
    byRule.set(rule, (byRule.get(rule) || 0) + 1);
    const mark = LOCKING.has(rule) ? 'LOCKING ' : '        ';
    console.log(`${mark}${rule}  ${file}:${f.line ?? ''}  ${(f.message || '').replace(/\s+/g, ' ')}`);
  }
  let locking = 0;
  console.log('\nfindings per rule:');
  for (const [rule, n] of [...byRule.entries()].sort()) {
    console.log(`  ${LOCKING.has(rule) ? 'locking' : 'other  '}  ${String(n).padStart(4)}  ${rule}`);
    if (LOCKING.has(rule)) locking += n;
  }
  console.log(`\n${findings.length} findings, ${locking} locking`);
  process.exit(locking > 0 ? 1 : 0);
});
