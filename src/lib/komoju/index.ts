export * from "./client"
export * from "./constants"
export * from "./errors"
export * from "./types"
