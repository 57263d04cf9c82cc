// Each suite boots Medusa afresh in the same jest process: forget MikroORM's entity
// metadata from the previous boot, as Medusa's own starter does.
const { MetadataStorage } = require("@mikro-orm/core")

MetadataStorage.clear()
