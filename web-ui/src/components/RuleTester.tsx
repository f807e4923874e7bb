import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { RuleTestResult } from '../api/types';
import { describeError } from '../state/DashboardStore';

/** Dry run of the saved rules: which rule, profile and output name a file name would get, and why. */
export function RuleTester() {
  const [filename, setFilename] = useState('');
  const [result, setResult] = useState<RuleTestResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      setResult(await api.testRule(filename));
    } catch (failure) {
      setResult(null);
      setError(describeError(failure));
    }
  };

  return (
    <section className="card rule-tester">
      <h2>Test the saved rules</h2>
      <form onSubmit={submit} className="inline-form">
        <input aria-label="File name to test" placeholder="interview_cam1.mov" value={filename} onChange={(event) => setFilename(event.target.value)} required />
        <button type="submit">Test</button>
      </form>
      {error && <p className="field-error">{error}</p>}
      {result && (
        <div className="rule-result" data-matched={result.matched}>
          <p>
            <strong>{result.matched ? (result.rule_index === -1 ? 'Default rule' : `Rule ${(result.rule_index ?? 0) + 1}`) : 'Not processed'}</strong>
            {result.profile && <> → profile <code>{result.profile}</code></>}
            {result.output && <> → <code>{result.output}</code></>}
          </p>
          <ul>
            {result.explanation.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
