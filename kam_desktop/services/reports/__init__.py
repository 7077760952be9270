"""Program-level reports: KPIs and the what-if simulator."""
