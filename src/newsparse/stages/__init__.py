"""The pipeline's stages, one module each. Importing a module registers its stage."""
