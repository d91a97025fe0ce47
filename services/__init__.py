"""The services of WhatsApp Session Manager and their shared runtime."""
