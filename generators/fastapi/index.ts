// `yo mvp-backend:fastapi [--db sqlite]`: FastAPI + SQLAlchemy 2 (async) + Alembic, Python 3.11+.
// Templates: common/templates/every-stack, then ./templates (the Node shared templates do not apply); the data model is rendered from
// common/data-model.ts by common/render-python.ts. Nothing is installed: a Python project wants its own
// virtual environment, made with the user's own Python, so the next steps print the two commands.
import type { BackendTech } from '../../common/choices.js';
import { EVERY_STACK_TEMPLATES, StackGenerator } from '../../common/node-stack-generator.js';
import { pythonTemplateContext, type StackChoice } from '../../common/template-context.js';

export default class FastapiGenerator extends StackGenerator {
  get stackId(): BackendTech {
    return 'fastapi';
  }

  templateRoots(): string[] {
    return [EVERY_STACK_TEMPLATES, this.templatePath()];
  }

  protected templateContext(choice: StackChoice): object {
    return pythonTemplateContext(choice);
  }

  protected nextSteps(cd: string): string[] {
    return [
      `${cd}python3 -m venv .venv && . .venv/bin/activate && pip install -e ".[dev]"`,
      'python -m app        # http://localhost:5000/health',
      'pytest',
      'Windows PowerShell: py -m venv .venv; .\\.venv\\Scripts\\Activate.ps1; pip install -e ".[dev]"; python -m app',
    ];
  }
}
