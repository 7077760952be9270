"""Files in and out: ERP/CRM imports (preview, validate, apply) and exports."""
