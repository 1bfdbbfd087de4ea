# index.mk: sources of this area (owned by its area)
