package org.dialoog.engagement.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why an agreement is withdrawn. */
@Schema(name = "AgreementWithdrawalRequest")
public record WithdrawalRequest(
        @NotBlank @Size(max = 5000) @Schema(examples = "Opgenomen in de bredere afspraak over het plein")
        String reason) {}
