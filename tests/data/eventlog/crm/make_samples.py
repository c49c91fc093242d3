#!/usr/bin/env python3
"""Writes the CRM export samples of this folder (see README.md): the same six planted deals in each vendor's
export format. Run from anywhere; the files are committed, this script only documents how they were made."""
import csv, datetime as dt, os

HERE = os.path.dirname(os.path.abspath(__file__))
P, Q, PR, N, W = "Prospecting", "Qualification", "Proposal", "Negotiation", "Closed Won"
# deal -> [(stage, day offset)]: two fitting deals, a skip, a backward move and two drop-outs.
DEALS = {
    "ok1": [(P, 0), (Q, 3), (PR, 8), (N, 12), (W, 20)],
    "ok2": [(P, 1), (Q, 2), (PR, 6), (N, 9), (W, 15)],
    "skip": [(P, 0), (Q, 4), (N, 10), (W, 18)],               # Proposal skipped
    "back": [(P, 0), (Q, 2), (PR, 5), (Q, 9), (PR, 14), (N, 18), (W, 25)],  # Proposal -> Qualification
    "drop1": [(P, 0), (Q, 5)],                                 # drops out at Qualification
    "drop2": [(P, 2), (Q, 4), (PR, 7), (N, 11)],               # drops out at Negotiation
}
BASE = dt.datetime(2024, 3, 1, 9, 0, tzinfo=dt.timezone.utc)


def when(day, hours=0):
    return BASE + dt.timedelta(days=day, hours=hours)


def write(name, header, rows):
    with open(os.path.join(HERE, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def sf_time(t):  # Data Loader / Bulk API: 2024-03-01T09:00:00.000+0000
    return t.strftime("%Y-%m-%dT%H:%M:%S.000+0000")


ids = {d: f"006Hs00000Ab{k:03d}IAF" for k, d in enumerate(DEALS, 1)}
# Salesforce OpportunityHistory: one row per stage entered.
rows = []
for n, (d, path) in enumerate(DEALS.items()):
    for k, (stage, day) in enumerate(path):
        rows.append([f"008Hs00000Xy{n}{k:02d}AAA", ids[d], "005Hs000001AbcDIAS", sf_time(when(day)), stage,
                     f"{12000 + 1000 * n:.2f}", "", "2024-06-30", "", "Pipeline", sf_time(when(day)), "false"])
write("salesforce_OpportunityHistory.csv",
      ["Id", "OpportunityId", "CreatedById", "CreatedDate", "StageName", "Amount", "ExpectedRevenue",
       "CloseDate", "Probability", "ForecastCategory", "SystemModstamp", "IsDeleted"], rows)

# Salesforce OpportunityFieldHistory: a "created" row, then StageName changes (OldValue -> NewValue), with
# Amount and CloseDate changes in between that are not stage moves.
rows = []
for n, (d, path) in enumerate(DEALS.items()):
    rows.append([f"017Hs0000{n}A000AAA", ids[d], "005Hs000001AbcDIAS", sf_time(when(path[0][1])), "created",
                 "", "", "", "false"])
    for k in range(1, len(path)):
        t = when(path[k][1])
        rows.append([f"017Hs0000{n}A{k:03d}AAA", ids[d], "005Hs000001AbcDIAS", sf_time(t), "StageName",
                     "Text", path[k - 1][0], path[k][0], "false"])
        if k == 1:
            rows.append([f"017Hs0000{n}B{k:03d}AAA", ids[d], "005Hs000001AbcDIAS", sf_time(when(path[k][1], 2)),
                         "Amount", "Currency", "10000", "12500", "false"])
write("salesforce_OpportunityFieldHistory.csv",
      ["Id", "OpportunityId", "CreatedById", "CreatedDate", "Field", "DataType", "OldValue", "NewValue",
       "IsDeleted"], rows)

# Salesforce LeadHistory: Field = Status (the statuses named like the pipeline's stages, so one map serves
# every sample), a "created" row and an unrelated Rating change.
rows = []
for n, (d, path) in enumerate(DEALS.items()):
    lead = f"00QHs00000Ld{n:03d}MAQ"
    rows.append([f"017Hs0000{n}L000AAA", lead, "005Hs000001AbcDIAS", sf_time(when(path[0][1])), "created", "",
                 "", "false"])
    for k in range(1, len(path)):
        rows.append([f"017Hs0000{n}L{k:03d}AAA", lead, "005Hs000001AbcDIAS", sf_time(when(path[k][1])), "Status",
                     path[k - 1][0], path[k][0], "false"])
    rows.append([f"017Hs0000{n}R000AAA", lead, "005Hs000001AbcDIAS", sf_time(when(path[0][1], 1)), "Rating",
                 "Cold", "Warm", "false"])
write("salesforce_LeadHistory.csv",
      ["Id", "LeadId", "CreatedById", "CreatedDate", "Field", "OldValue", "NewValue", "IsDeleted"], rows)

# HubSpot deals property history, one row per value a property took (the first value included): dealId,
# property, value, timestamp (ISO 8601, UTC, milliseconds), sourceType, sourceId, updatedByUserId.
rows = []
for n, (d, path) in enumerate(DEALS.items()):
    deal = str(15023000100 + n)
    for stage, day in path:
        rows.append([deal, "dealstage", stage, when(day).strftime("%Y-%m-%dT%H:%M:%S.000Z"), "CRM_UI",
                     "userId:4711", "4711"])
    rows.append([deal, "amount", "12000", when(path[0][1], 3).strftime("%Y-%m-%dT%H:%M:%S.000Z"), "CRM_UI",
                 "userId:4711", "4711"])
write("hubspot_deal_property_history.csv",
      ["dealId", "property", "value", "timestamp", "sourceType", "sourceId", "updatedByUserId"], rows)

# Microsoft Dynamics 365: the opportunity sales process table (opportunitysalesprocess) as exported from a
# view, one row per stage entered, display names; times in Central European Time.
rows = []
cet = dt.timezone(dt.timedelta(hours=1))
for n, (d, path) in enumerate(DEALS.items()):
    opp = f"7f3c9a2e-1b4d-4e8f-9a0c-00000000000{n}"
    for stage, day in path:
        rows.append([f"b1e5d7c3-0000-4000-8000-0000000{n}{day:04d}", opp, f"Contoso deal {d}",
                     "Opportunity Sales Process", stage,
                     when(day).astimezone(cet).strftime("%Y-%m-%dT%H:%M:%S+01:00"), "Active"])
write("dynamics365_opportunitysalesprocess.csv",
      ["businessprocessflowinstanceid", "opportunityid", "name", "processid", "Active Stage",
       "activestagestartedon", "statecode"], rows)

# Pipedrive deal updates (GET /v1/deals/{id}/flow, object dealChange, flattened): field_key stage_id holds
# stage ids, the *_formatted columns the stage names; value and expected_close_date changes in between.
stage_ids = {P: 1, Q: 2, PR: 3, N: 4, W: 5}
rows = []
rid = 9000
for n, (d, path) in enumerate(DEALS.items()):
    deal = str(310 + n)
    for k in range(1, len(path)):
        rid += 1
        old, new = path[k - 1][0], path[k][0]
        rows.append([rid, deal, "12", "stage_id", stage_ids[old], stage_ids[new], old, new,
                     when(path[k][1]).strftime("%Y-%m-%d %H:%M:%S"), "app"])
    rid += 1
    rows.append([rid, deal, "12", "value", "1000", "1500", "", "", when(path[0][1], 4).strftime("%Y-%m-%d %H:%M:%S"),
                 "app"])
write("pipedrive_deal_flow.csv",
      ["id", "item_id", "user_id", "field_key", "old_value", "new_value", "old_value_formatted",
       "new_value_formatted", "log_time", "change_source"], rows)

# Zoho CRM Deals > Stage History related list (export labels): one row per stage, with the time the deal
# moved there (Last Modified Time, with the org's UTC offset) and the days spent in it.
rows = []
ist = dt.timezone(dt.timedelta(hours=5, minutes=30))
for n, (d, path) in enumerate(DEALS.items()):
    deal = f"5725767000000{n}41001"
    for k, (stage, day) in enumerate(path):
        days = (path[k + 1][1] - day) if k + 1 < len(path) else ""
        rows.append([f"5725767000001{n}{k:02d}", deal, f"Zylker deal {d}", stage, "12,000.00", "",
                     "2024-06-30", days, "Patricia Boyle",
                     when(day).astimezone(ist).strftime("%Y-%m-%dT%H:%M:%S+05:30")])
write("zoho_deal_stage_history.csv",
      ["Record Id", "Deal Name.id", "Deal Name", "Stage", "Amount", "Expected Revenue", "Closing Date",
       "Stage Duration (Calendar Days)", "Modified By", "Last Modified Time"], rows)
