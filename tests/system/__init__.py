"""The product's own processes, nginx, Prometheus, the shell: the whole stack."""
