'use strict';
// Runs the cdk-nag AwsSolutions pack over synthesized cloud assemblies.
// Usage: node check.js <assembly-dir> [<assembly-dir>...]
// Each stack template is included with CfnInclude; acknowledgements.json acknowledges findings by rule
// (with its finding ID, e.g. AwsSolutions-IAM5[Resource::*]), stack kind and logical-ID pattern, each
// with a reason. Prints the findings as JSON and exits 1 when any finding is not acknowledged.
// CDK's own CloudFormation schema validation is not what this checks (and costs seconds).
process.env.CDK_VALIDATION = 'false';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { App, Stack, DefaultStackSynthesizer, Validations } = require('aws-cdk-lib');
const { CfnInclude } = require('aws-cdk-lib/cloudformation-include');
const { AwsSolutionsChecks } = require('cdk-nag');

const assemblies = process.argv.slice(2);
if (assemblies.length === 0) {
  console.error('usage: node check.js <cloud-assembly-dir>...');
  process.exit(2);
}

// Environment stacks are named <appName>-<environment>; appName may itself hold dashes.
const { appName } = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'deploysettings.json'), 'utf8'));
// A finding ID may name the app's stacks: acknowledgements write {appName} for it.
const acknowledgements = JSON.parse(fs.readFileSync(path.join(__dirname, 'acknowledgements.json'), 'utf8'))
  .acknowledgements.map((ack) => ({ ...ack, id: ack.id.replaceAll('{appName}', appName) }));
const used = new Set();
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-nag-'));
const app = new App({ outdir, context: { '@aws-cdk/core:validationReportJson': true } });
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

const seen = new Set();
for (const assembly of assemblies) {
  const manifest = JSON.parse(fs.readFileSync(path.join(assembly, 'manifest.json'), 'utf8'));
  for (const artifact of Object.values(manifest.artifacts)) {
    if (artifact.type !== 'aws:cloudformation:stack') continue;
    const name = artifact.properties.stackName ?? artifact.displayName;
    // The base stack is the same in every assembly: check it once.
    if (seen.has(name)) continue;
    seen.add(name);
    const kind = name.endsWith('-base') ? 'base' : 'environment';
    const environment = kind === 'environment' ? name.slice(appName.length + 1) : undefined;
    const stack = new Stack(app, name, {
      synthesizer: new DefaultStackSynthesizer({ generateBootstrapVersionRule: false }),
    });
    const templateFile = path.join(assembly, artifact.properties.templateFile);
    const include = new CfnInclude(stack, 'Template', { templateFile, preserveLogicalIds: true });
    const template = JSON.parse(fs.readFileSync(templateFile, 'utf8'));
    acknowledgements.forEach((ack, index) => {
      if (ack.stack !== '*' && ack.stack !== kind) return;
      if (ack.environments && !ack.environments.some((e) => globMatches(e, environment))) return;
      const pattern = new RegExp(`^(?:${ack.resource})$`);
      for (const [logicalId, resource] of Object.entries(template.Resources)) {
        if (!pattern.test(logicalId)) continue;
        if (ack.type && ack.type !== resource.Type) continue;
        Validations.of(include.getResource(logicalId)).acknowledge({ id: ack.id, reason: ack.reason });
        used.add(index);
      }
    });
  }
}

function globMatches(glob, value) {
  if (value === undefined) return false;
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`).test(value);
}

let failure;
try {
  app.synth();
} catch (e) {
  failure = e;
}

const reportFile = path.join(outdir, 'policy-validation-report.json');
const report = fs.existsSync(reportFile) ? JSON.parse(fs.readFileSync(reportFile, 'utf8')) : null;
const findings = [];
const acknowledged = [];
for (const plugin of (report?.pluginReports ?? []).filter((p) => /AwsSolutions/.test(p.summary?.pluginName ?? ''))) {
  for (const violation of plugin.violations ?? []) {
    for (const resource of violation.violatingResources ?? violation.violatingConstructs ?? []) {
      findings.push({
        rule: violation.ruleName,
        description: violation.description,
        resource: resource.resourceLogicalId ?? resource.constructPath,
        template: resource.templatePath ? path.basename(resource.templatePath) : undefined,
      });
    }
  }
}

const result = {
  stacks: [...seen],
  findings,
  acknowledgements: acknowledgements.map((a, i) => ({ ...a, used: used.has(i) })),
  error: failure && findings.length === 0 ? String(failure.message ?? failure) : undefined,
};
console.log(JSON.stringify(result, null, 2));
fs.rmSync(outdir, { recursive: true, force: true });
process.exit(findings.length > 0 || result.error ? 1 : 0);
