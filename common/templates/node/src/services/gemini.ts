// Google Gemini through the official @google/genai SDK. GEMINI_BASE_URL points it elsewhere (a proxy, or
// the local fake the tests start); AI_TIMEOUT_MS bounds every call.
import { GoogleGenAI } from '@google/genai';
import type { Config } from '../config.js';
import { AppError } from '../lib/errors.js';

export interface Analyzer {
  analyze(report: { title: string; content: string }): Promise<string>;
}

const INSTRUCTIONS =
  'You are a business analyst. Summarise the report below in a few sentences, then list its key risks and ' +
  'recommended next steps as short bullet points. Answer in the language of the report.';

/** null when GOOGLE_GEMINI_API_KEY is not set: the analysis routes then answer 503 NOT_CONFIGURED. */
export function createGemini(config: Config): Analyzer | null {
  if (!config.GOOGLE_GEMINI_API_KEY) return null;
  const ai = new GoogleGenAI({
    apiKey: config.GOOGLE_GEMINI_API_KEY,
    // No retries: the caller is waiting, and AI_TIMEOUT_MS is the whole budget.
    httpOptions: { ...(config.GEMINI_BASE_URL && { baseUrl: config.GEMINI_BASE_URL }), retryOptions: { attempts: 1 } },
  });
  return {
    async analyze({ title, content }) {
      let text: string | undefined;
      try {
        const response = await ai.models.generateContent({
          model: config.GEMINI_MODEL,
          contents: `Title: ${title}\n\n${content}`,
          config: { systemInstruction: INSTRUCTIONS, abortSignal: AbortSignal.timeout(config.AI_TIMEOUT_MS) },
        });
        text = response.text;
      } catch (error) {
        const reason = error instanceof Error && error.name === 'AbortError' ? 'did not answer in time' : 'failed';
        throw new AppError('UPSTREAM_ERROR', `the AI provider ${reason}`);
      }
      if (!text?.trim()) throw new AppError('UPSTREAM_ERROR', 'the AI provider returned no answer');
      return text;
    },
  };
}
