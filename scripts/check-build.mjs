#!/usr/bin/env node
// Checks that `medusa plugin:build` produced a provider Medusa can load: the module
// provider definition, the service with identifier "komoju", and boot-time validation.
import { createRequire } from "node:module"

const require = createRequire(import.meta.url)
const built = require("../.medusa/server/src/providers/komoju/index.js")
const definition = built.default ?? built
const [service] = definition.services ?? []

const problems = []
if (definition.module !== "payment") problems.push(`module is ${definition.module}, not payment`)
if (service?.identifier !== "komoju") problems.push(`identifier is ${service?.identifier}, not komoju`)
try {
  service.validateOptions({})
  problems.push("validateOptions accepted empty options")
} catch (error) {
  if (!String(error.message).includes("secretKey")) problems.push(`validateOptions said: ${error.message}`)
}
if (problems.length) {
  console.error(`built provider is not loadable: ${problems.join("; ")}`)
  process.exit(1)
}
console.log("built provider: .medusa/server/src/providers/komoju/index.js loads as pp_komoju_<id>")
