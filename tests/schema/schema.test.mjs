// Validates the shipped snapshot against the published JSON Schema with Ajv, a validator that
// shares no code with the explorer's own checker; and checks that the schema refuses the
// broken snapshots whose problem is one of shape (types, missing or unknown fields, limits).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";

const read = (path) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8"));
const schema = read("public/data/strategy.schema.json");
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

test("the shipped snapshot is valid against the published JSON Schema", () => {
  const ok = validate(read("public/data/strategy.json"));
  assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
});

test("the minimal fixture is valid against the schema", () => {
  assert.ok(validate(read("tests/fixtures/minimal.json")), JSON.stringify(validate.errors, null, 2));
});

for (const [name, keyword] of [
  ["wrong-type-title", "anyOf"],
  ["wrong-type-collection", "type"],
  ["unknown-field", "additionalProperties"],
  ["missing-required-field", "required"],
  ["unknown-partner-kind", "enum"],
  ["date-wrong-format", "pattern"],
  ["too-many-aliases", "maxItems"],
  ["alias-too-long", "maxLength"],
]) {
  test(`the schema refuses tests/broken/${name}.json (${keyword})`, () => {
    assert.equal(validate(read(`tests/broken/${name}.json`)), false);
    assert.ok(
      validate.errors.some((error) => error.keyword === keyword),
      JSON.stringify(validate.errors, null, 2),
    );
  });
}
