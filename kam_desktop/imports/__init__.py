"""Readers for ERP/CRM exports: profiles, sniffing, validation, staging."""
